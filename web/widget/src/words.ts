/** The widget's own words; survey texts come translated from the server. */
const WORDS = {
  en: ["Close", "Next", "Send", "Thank you!", "Please answer this question.", "Other", "of", "Sending failed. Please try again."],
  zh: ["关闭", "下一题", "提交", "谢谢！", "请回答这个问题。", "其他", "/", "提交失败，请重试。"],
  ar: ["إغلاق", "التالي", "إرسال", "شكرًا لك!", "يرجى الإجابة عن هذا السؤال.", "أخرى", "من", "تعذر الإرسال. يرجى المحاولة مرة أخرى."],
  es: ["Cerrar", "Siguiente", "Enviar", "¡Gracias!", "Responda esta pregunta.", "Otro", "de", "No se pudo enviar. Inténtelo de nuevo."],
  fr: ["Fermer", "Suivant", "Envoyer", "Merci !", "Veuillez répondre à cette question.", "Autre", "sur", "Échec de l'envoi. Veuillez réessayer."],
  de: ["Schließen", "Weiter", "Senden", "Danke!", "Bitte beantworten Sie diese Frage.", "Andere", "von", "Senden fehlgeschlagen. Bitte erneut versuchen."],
};

export type Words = { close: string; next: string; send: string; thanks: string; required: string; other: string; of: string; failed: string };

export function wordsFor(language: string): Words {
  const [close, next, send, thanks, required, other, of, failed] = WORDS[language.split("-")[0] as keyof typeof WORDS] ?? WORDS.en;
  return { close: close!, next: next!, send: send!, thanks: thanks!, required: required!, other: other!, of: of!, failed: failed! };
}
