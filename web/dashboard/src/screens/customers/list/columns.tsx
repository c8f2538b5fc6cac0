import { Link } from "wouter";
import type { Format } from "../../../i18n/format.ts";
import type { MessageKey, Vars } from "../../../i18n/translate.ts";
import type { Column } from "../../../ui/data-table.tsx";
import type { Attribute, Customer } from "../customer-api.ts";
import { displayName } from "../fields.ts";
import { attributeText } from "../labels.ts";

type T = (key: MessageKey, vars?: Vars) => string;

/** Columns a user may show besides the name, in the order they appear. */
export const OPTIONAL_COLUMNS = [
  "email",
  "phone",
  "company",
  "jobTitle",
  "city",
  "region",
  "postalCode",
  "country",
  "source",
  "industry",
  "companySize",
  "gender",
  "tags",
  "emailConsent",
  "smsConsent",
  "createdAt",
  "updatedAt",
] as const;

export const DEFAULT_COLUMNS: string[] = ["email", "phone", "company", "country", "tags", "createdAt"];

export const attributeColumn = (key: string) => `attribute:${key}`;

/** A customer's name as a link to their page. */
export function NameCell({ customer, t }: { customer: Customer; t: T }) {
  const name = displayName(customer) ?? (customer.erasedAt ? t("customers.erased.name") : t("customers.unnamed"));
  return <Link href={`/${customer.id}`}>{name}</Link>;
}

function cellOf(key: string, customer: Customer, f: Format, t: T, attributes: Attribute[]) {
  if (key.startsWith("attribute:")) {
    const attribute = attributes.find((a) => attributeColumn(a.key) === key);
    return attribute ? attributeText(attribute, customer.attributes[attribute.key], f, t) ?? "" : "";
  }
  switch (key) {
    case "tags":
      return (
        <span className="customer-tags">
          {customer.tags.map((tag) => (
            <span key={tag} className="chip">
              {tag}
            </span>
          ))}
        </span>
      );
    case "emailConsent":
    case "smsConsent":
      return customer[key] ? t("common.yes") : t("common.no");
    case "createdAt":
    case "updatedAt":
      return f.date(customer[key]);
    case "gender":
      return customer.gender ? t(`customers.genders.${customer.gender}`) : "";
    default:
      return (customer[key as keyof Customer] as string | null) ?? "";
  }
}

/** The table's columns for the chosen keys: the name first, always, linking to the customer. */
export function tableColumns(chosen: string[], attributes: Attribute[], f: Format, t: T): Column<Customer>[] {
  const name: Column<Customer> = {
    key: "name",
    header: t("customers.fields.name"),
    cell: (customer) => (
      <>
        <NameCell customer={customer} t={t} />
        {customer.erasedAt && <span className="chip chip-danger customer-erased-chip">{t("customers.erased.chip")}</span>}
      </>
    ),
  };
  const known = [...OPTIONAL_COLUMNS, ...attributes.map((a) => attributeColumn(a.key))] as string[];
  const keys = known.filter((key) => chosen.includes(key));
  return [
    name,
    ...keys.map((key) => ({
      key,
      header: key.startsWith("attribute:") ? attributes.find((a) => attributeColumn(a.key) === key)?.label ?? key : t(`customers.fields.${key as (typeof OPTIONAL_COLUMNS)[number]}`),
      cell: (customer: Customer) => cellOf(key, customer, f, t, attributes),
    })),
  ];
}
