export const home = {
  title: "Home",
  welcome: "Good to see you, {name}",
  overview: "Your customers at a glance",
  empty: {
    title: "Import your first customers",
    body: "Bring in a spreadsheet or a shop's export: download the template, fill it in, upload it. Customers, orders, segments and scores follow from there.",
    action: "Import your first customers",
    askManager: "An owner or admin of your company can import customers; they appear here as soon as they are in.",
  },
  stats: {
    label: "Key figures",
    customers: "Customers",
    revenue: "Revenue, net of returns",
    revenueDetail: "{orders} orders from {customers} customers",
    otherCurrencies: "Also {amounts}",
    noRevenue: "No orders yet",
    nps: "Net Promoter Score",
    npsDetail: "{n} answers to {survey}",
    noNps: "No survey answers yet",
    npsHidden: "Survey results are for analysts and up",
  },
  segments: {
    title: "Segment sizes",
    description: "Customers per RFM segment in the latest finished segmentation run, as of {date}.",
    none: "Segments appear after the first segmentation run, a few minutes after orders come in.",
    segment: "Segment",
    customers: "Customers",
    open: "Open analytics",
  },
  changes: {
    title: "Recent changes",
    caption: "The latest changes in your company's data",
    when: "When",
    who: "Who",
    what: "What",
    none: "Nothing has changed yet.",
    someone: "Someone",
    apiKey: "API key",
    system: "ckm",
    all: "Open the audit log",
    customersTitle: "Recently updated customers",
    customersCaption: "Customers updated most recently",
    customer: "Customer",
    updated: "Updated",
    unnamed: "Unnamed customer",
    auditNote: "The full audit log is for owners and admins.",
  },
  jobs: {
    title: "Jobs in progress",
    none: "Nothing is running right now.",
    open: "Open",
  },
  actions: {
    customers: {
      create: "added a customer",
      update: "changed a customer",
      merge: "merged two customers",
      merges: {
        undo: "undid a merge",
      },
      erase: "erased a customer's personal data",
      identities: {
        add: "added an identity",
        remove: "removed an identity",
      },
      interactions: {
        create: "recorded an interaction",
      },
    },
    attributes: {
      create: "added a custom attribute",
      update: "changed a custom attribute",
      remove: "removed a custom attribute",
    },
    imports: {
      create: "uploaded a file to import",
      update: "changed an import's columns",
      validate: "checked an import",
      run: "ran an import",
    },
    orders: {
      create: "added an order",
      refund: "refunded an order",
      cancel: "cancelled an order",
    },
    segmentation: {
      runs: {
        create: "started a segmentation run",
      },
    },
    segments: {
      create: "saved a segment",
      update: "changed a segment",
      delete: "removed a segment",
    },
    surveys: {
      create: "created a survey",
      update: "changed a survey",
      publish: "published a survey",
      close: "closed a survey",
      delete: "deleted a survey",
      webhook: {
        set: "set a survey's webhook",
      },
      identity_secret: "rotated the survey identity secret",
    },
    members: {
      update: "changed a member's role",
      remove: "removed a member",
    },
    invites: {
      create: "invited someone",
      accept: "joined the company",
      revoke: "withdrew an invitation",
    },
    api_keys: {
      create: "created an API key",
      revoke: "revoked an API key",
    },
    settings: {
      update: "changed the settings",
    },
    integrations: {
      create: "connected a shop",
      update: "changed an integration",
      delete: "removed an integration",
      rotate_secret: "rotated an integration's secret",
    },
    backups: {
      create: "started a backup",
      restore: "restored a backup",
    },
    auth: {
      signup: "signed the company up",
    },
    me: {
      update: "changed their language",
    },
  },
};
