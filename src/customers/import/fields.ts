/** Whether a column fills the customer's profile or one line of an order. */
export type ImportTarget = "customer" | "order";

export type ImportField<K extends string = string> = {
  key: K;
  label: { en: string; zh: string };
  target: ImportTarget;
  /** Header spellings seen in real exports; compared after normalisation (see column-mapping.ts). */
  aliases: readonly string[];
};

function field<K extends string>(key: K, en: string, zh: string, target: ImportTarget, aliases: string[]): ImportField<K> {
  return { key, label: { en, zh }, target, aliases };
}

/**
 * The columns an import can fill, with English and Simplified Chinese labels for the mapping screen
 * and the downloadable template, and the header spellings of common exports: Shopify customers
 * (old and "Default Address" layouts) and order line items, WooCommerce `billing_*` fields, the UCI
 * Online Retail data set, CRM contact exports, and Chinese spreadsheets. Headers that mean different
 * things in different exports (a bare "ID", "Date", or Shopify's order "Name") are deliberately absent.
 */
export const IMPORT_FIELDS = [
  field("externalId", "External ID", "外部编号", "customer", [
    "Customer ID", "CustomerID", "Customer Number", "Customer No", "Client ID", "Member ID", "customer_id",
    "客户编号", "客户ID", "客户代码", "会员编号", "会员号", "会员ID",
  ]),
  field("email", "Email", "邮箱", "customer", [
    "E-mail", "Email Address", "Mail", "billing_email", "user_email", "电子邮件", "电子邮箱", "邮箱地址", "邮件地址",
  ]),
  field("phone", "Phone", "手机", "customer", [
    "Phone Number", "Mobile", "Mobile Phone", "Mobile Number", "Cell", "Telephone", "Tel", "billing_phone",
    "Default Address Phone", "Billing Phone", "手机号", "手机号码", "电话", "电话号码", "联系电话", "移动电话",
  ]),
  field("name", "Name", "姓名", "customer", [
    "Full Name", "Customer Name", "Contact Name", "Display Name", "Billing Name", "客户姓名", "客户名称", "联系人",
  ]),
  field("firstName", "First name", "名", "customer", ["Given Name", "billing_first_name", "名字"]),
  field("lastName", "Last name", "姓", "customer", ["Surname", "Family Name", "billing_last_name", "姓氏"]),
  field("company", "Company", "公司", "customer", [
    "Company Name", "Organization", "Organisation", "Account Name", "Default Address Company", "Billing Company",
    "billing_company", "公司名称", "企业名称", "单位", "工作单位",
  ]),
  field("jobTitle", "Job title", "职位", "customer", ["Position", "职务", "岗位"]),
  field("addressLine1", "Address line 1", "地址", "customer", [
    "Address", "Address1", "Street", "Street Address", "Default Address Address1", "Billing Address1",
    "Billing Street", "billing_address_1", "详细地址", "街道地址", "地址1",
  ]),
  field("addressLine2", "Address line 2", "地址2", "customer", [
    "Address2", "Default Address Address2", "Billing Address2", "billing_address_2", "地址二",
  ]),
  field("city", "City", "城市", "customer", ["Town", "Default Address City", "Billing City", "billing_city", "市"]),
  field("region", "Province or state", "省份", "customer", [
    "Province", "Province Code", "State", "Region", "County", "State/Province", "Default Address Province Code",
    "Billing Province", "billing_state", "省", "地区", "省/直辖市",
  ]),
  field("postalCode", "Postal code", "邮编", "customer", [
    "Zip", "Zip Code", "Postcode", "Post Code", "Default Address Zip", "Billing Zip", "billing_postcode", "邮政编码",
  ]),
  field("country", "Country", "国家", "customer", [
    "Country Code", "Default Address Country Code", "Billing Country", "billing_country", "国家/地区", "国家地区",
  ]),
  field("birthday", "Birthday", "生日", "customer", ["Date of Birth", "Birthdate", "DOB", "出生日期", "出生年月"]),
  field("gender", "Gender", "性别", "customer", ["Sex"]),
  field("source", "Source", "来源", "customer", ["Lead Source", "Customer Source", "客户来源", "渠道"]),
  field("industry", "Industry", "行业", "customer", ["Sector", "所属行业"]),
  field("companySize", "Company size", "公司规模", "customer", [
    "Employees", "Number of Employees", "Employee Count", "企业规模", "员工人数",
  ]),
  field("creditTermsDays", "Credit terms (days)", "账期（天）", "customer", [
    "Credit Terms", "Payment Terms", "Payment Days", "Credit Days", "账期", "账期天数", "信用期", "付款期限",
  ]),
  field("tags", "Tags", "标签", "customer", ["Labels", "客户标签"]),
  field("emailConsent", "Accepts email marketing", "接受邮件营销", "customer", [
    "Accepts Marketing", "Email Marketing Consent", "Email Opt-in", "Email Subscribed", "邮件营销", "邮件订阅",
  ]),
  field("smsConsent", "Accepts SMS marketing", "接受短信营销", "customer", [
    "SMS Marketing Consent", "SMS Opt-in", "短信营销", "短信订阅",
  ]),
  field("orderId", "Order ID", "订单号", "order", [
    "Order Number", "Order No", "InvoiceNo", "Invoice Number", "Invoice", "订单编号", "订单ID",
  ]),
  field("orderedAt", "Order date", "下单时间", "order", [
    "Ordered At", "InvoiceDate", "Purchase Date", "下单日期", "订单时间", "订单日期", "购买时间", "成交时间",
  ]),
  field("sku", "SKU", "商品编号", "order", [
    "StockCode", "Product Code", "Item Code", "Lineitem sku", "商品编码", "产品编号", "货号",
  ]),
  field("title", "Product", "商品名称", "order", [
    "Description", "Product Name", "Item Name", "Lineitem name", "商品", "产品名称", "品名",
  ]),
  field("quantity", "Quantity", "数量", "order", ["Qty", "Lineitem quantity", "购买数量"]),
  field("unitPrice", "Unit price", "单价", "order", ["UnitPrice", "Price", "Lineitem price", "价格", "商品单价"]),
  field("currency", "Currency", "币种", "order", ["Currency Code", "货币"]),
] as const;

export type ImportFieldKey = (typeof IMPORT_FIELDS)[number]["key"];
