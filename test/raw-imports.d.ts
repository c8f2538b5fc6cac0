/** Files imported as their exact text (webhook fixtures keep 64-bit ids that JSON.parse would round). */
declare module "*?raw" {
  const text: string;
  export default text;
}
