import type { AnchorHTMLAttributes, ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";
type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean };

const classes = (variant: Variant, className?: string) => ["button", `button-${variant}`, className].filter(Boolean).join(" ");

/** A button; while busy it keeps its focus, tells screen readers, and ignores clicks. */
export function Button({ variant = "secondary", busy = false, className, type = "button", onClick, ...rest }: Props) {
  return <button type={type} className={classes(variant, className)} aria-busy={busy || undefined} onClick={busy ? (event) => event.preventDefault() : onClick} {...rest} />;
}

/** A link that looks like a button, for navigation and downloads. */
export function ButtonLink({ variant = "secondary", className, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: Variant }) {
  return <a className={classes(variant, className)} {...rest} />;
}
