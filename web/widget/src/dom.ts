type Attributes = Record<string, string | number | boolean | undefined>;

/** Makes an element: attributes (false and undefined left out), then children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== false) element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children);
  return element;
}

function luminance(hex: string): number {
  const channels = (hex.length === 4 ? [1, 2, 3].map((i) => hex[i]! + hex[i]!) : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)]).map((pair) => {
    const c = parseInt(pair, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

/** Black or white, whichever reads better on the given colour. */
export const onColour = (hex: string) => (luminance(hex) > 0.179 ? "#000" : "#fff");
