/** The widget's whole stylesheet, scoped by its shadow root. */
export const CSS = `
:host{all:initial}
.d{position:fixed;bottom:16px;z-index:2147483647;box-sizing:border-box;width:min(380px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;padding:20px;border-radius:12px;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;box-shadow:0 8px 30px #0004;text-align:start}
.bottom-right{right:16px}.bottom-left{left:16px}.center{bottom:auto;top:50%;left:50%;transform:translate(-50%,-50%)}
*{box-sizing:border-box}
h2{margin:0 0 14px;padding-inline-end:36px;font-size:17px;line-height:1.3}
.x{position:absolute;top:10px;inset-inline-end:10px;width:32px;height:32px;border:0;border-radius:6px;background:none;color:inherit;font:22px/1 sans-serif;cursor:pointer}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{padding:0;margin:0 0 10px;font-weight:600}
.s{display:grid;grid-template-columns:repeat(auto-fit,minmax(26px,1fr));gap:4px}
.s label{position:relative}
.s span{display:block;padding:7px 0;border:1px solid var(--fg);border-radius:6px;text-align:center;cursor:pointer}
.s input,.h{position:absolute;opacity:0;width:1px;height:1px;margin:0;overflow:hidden}
.h{left:-9999px}
.s input:checked+span{background:var(--p);border-color:var(--p);color:var(--on)}
.c label{display:flex;gap:8px;align-items:center;padding:5px 0;cursor:pointer}
input,textarea{accent-color:var(--p);font:inherit}
textarea,.o{width:100%;margin-top:6px;padding:8px;border:1px solid var(--fg);border-radius:6px;background:transparent;color:inherit}
textarea{min-height:80px;resize:vertical}
.e{min-height:1.4em;margin:8px 0 0;font-weight:600}
.n{display:flex;justify-content:flex-end;margin-top:12px}
.b{padding:9px 18px;border:0;border-radius:8px;background:var(--p);color:var(--on);font:inherit;font-weight:600;cursor:pointer}
:focus-visible,.s input:focus-visible+span{outline:3px solid var(--p);outline-offset:2px}
.b:focus-visible{outline-color:var(--fg)}
`;
