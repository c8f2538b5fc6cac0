export { standardiseBoolean } from "./boolean.ts";
export { countryName, standardiseCountry } from "./country.ts";
export { standardiseDate, type DateOrder } from "./date.ts";
export { standardiseDateTime, type DateTimeOptions } from "./date-time.ts";
export { standardiseEmail } from "./email.ts";
export { standardiseGender, type Gender } from "./gender.ts";
export { standardisePhone } from "./phone.ts";
export { ok, problem, type Standardised } from "./result.ts";
export { cleanText } from "./text.ts";
