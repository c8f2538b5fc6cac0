import type { Rng } from "../../../src/analytics/random.ts";

const CHINESE_SURNAMES = [
  ["王", "Wang"], ["李", "Li"], ["张", "Zhang"], ["刘", "Liu"], ["陈", "Chen"], ["杨", "Yang"], ["黄", "Huang"], ["赵", "Zhao"],
  ["吴", "Wu"], ["周", "Zhou"], ["徐", "Xu"], ["孙", "Sun"], ["马", "Ma"], ["朱", "Zhu"], ["胡", "Hu"], ["郭", "Guo"],
  ["何", "He"], ["高", "Gao"], ["林", "Lin"], ["罗", "Luo"],
] as const;
const CHINESE_GIVEN = [
  ["伟", "Wei"], ["芳", "Fang"], ["娜", "Na"], ["秀英", "Xiuying"], ["敏", "Min"], ["静", "Jing"], ["丽", "Li"], ["强", "Qiang"],
  ["磊", "Lei"], ["军", "Jun"], ["洋", "Yang"], ["勇", "Yong"], ["艳", "Yan"], ["杰", "Jie"], ["娟", "Juan"], ["涛", "Tao"],
  ["明", "Ming"], ["超", "Chao"], ["秀兰", "Xiulan"], ["霞", "Xia"], ["婷", "Ting"], ["浩然", "Haoran"], ["子涵", "Zihan"], ["欣怡", "Xinyi"],
] as const;
const WESTERN = {
  GB: { first: ["Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Emily", "Thomas", "Sophie", "James", "Grace"], last: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker", "Wright", "Hughes"] },
  IE: { first: ["Seán", "Aoife", "Conor", "Niamh", "Cian", "Saoirse"], last: ["Murphy", "Kelly", "O'Sullivan", "Walsh", "Byrne", "Ryan"] },
  DE: { first: ["Lukas", "Mia", "Leon", "Hannah", "Jonas", "Lea", "Felix", "Lena"], last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker"] },
  FR: { first: ["Lucas", "Emma", "Hugo", "Chloé", "Louis", "Léa", "Jules", "Manon"], last: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Lefèvre"] },
  ES: { first: ["Hugo", "Lucía", "Martín", "Sofía", "Pablo", "Martina"], last: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez"] },
  NL: { first: ["Daan", "Emma", "Sem", "Julia", "Lucas", "Tess"], last: ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser"] },
} as const;

export type Country = keyof typeof WESTERN | "CN" | "HK" | "SG";

/** Countries of a tenant's customers, weighted: a UK shop with European and Chinese-speaking buyers. */
const COUNTRIES: Array<[Country, number]> = [["GB", 40], ["CN", 18], ["DE", 9], ["FR", 8], ["IE", 5], ["HK", 6], ["SG", 4], ["ES", 5], ["NL", 5]];
const COUNTRY_TOTAL = COUNTRIES.reduce((sum, [, weight]) => sum + weight, 0);

export type Person = { name: string; latin: string; country: Country };

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/**
 * A person's name as a shop would record it. Chinese names come as characters (王伟) or in
 * pinyin, given name first or family name first ("Wei Wang", "WANG Wei"); Western names as
 * given and family name. `latin` is the name in ASCII letters, for the email address.
 */
export function samplePerson(rng: Rng): Person {
  let draw = rng() * COUNTRY_TOTAL;
  const country = COUNTRIES.find(([, weight]) => (draw -= weight) < 0)?.[0] ?? "GB";
  if (country === "CN" || country === "HK" || country === "SG") {
    const [familyHan, family] = pick(rng, CHINESE_SURNAMES);
    const [givenHan, given] = pick(rng, CHINESE_GIVEN);
    const style = rng();
    const name = style < 0.5 ? `${familyHan}${givenHan}` : style < 0.8 ? `${given} ${family}` : `${family.toUpperCase()} ${given}`;
    return { name, latin: `${given}.${family}`, country };
  }
  const pool = WESTERN[country];
  const first = pick(rng, pool.first);
  const last = pick(rng, pool.last);
  return { name: `${first} ${last}`, latin: `${first}.${last}`.normalize("NFD").replace(/[^A-Za-z.]/g, ""), country };
}
