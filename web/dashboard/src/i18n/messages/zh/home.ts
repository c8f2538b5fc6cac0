import type { Messages } from "../en/index.ts";

export const home: Messages["home"] = {
  title: "首页",
  welcome: "{name}，欢迎回来",
  overview: "客户概况一览",
  empty: {
    title: "导入您的第一批客户",
    body: "导入表格或店铺导出的文件：下载模板、填写、上传即可。客户、订单、分群和评分都会随之生成。",
    action: "导入第一批客户",
    askManager: "贵公司的所有者或管理员可以导入客户，导入后会立即显示在这里。",
  },
  stats: {
    label: "关键指标",
    customers: "客户数",
    revenue: "净收入（扣除退货）",
    revenueDetail: "{customers} 位客户的 {orders} 笔订单",
    otherCurrencies: "另有 {amounts}",
    noRevenue: "还没有订单",
    nps: "净推荐值（NPS）",
    npsDetail: "“{survey}”的 {n} 份回答",
    noNps: "还没有问卷回答",
    npsHidden: "问卷结果仅对分析师及以上角色开放",
  },
  segments: {
    title: "各分群人数",
    description: "最近一次完成的分群计算中各 RFM 分群的客户数，截至 {date}。",
    none: "首次分群计算完成后即可看到分群，通常在订单导入几分钟后。",
    segment: "分群",
    customers: "客户数",
    open: "打开分析",
  },
  changes: {
    title: "最近的变更",
    caption: "贵公司数据的最新变更",
    when: "时间",
    who: "操作人",
    what: "内容",
    none: "还没有任何变更。",
    someone: "某位成员",
    apiKey: "API 密钥",
    system: "ckm",
    all: "打开审计日志",
    customersTitle: "最近更新的客户",
    customersCaption: "最近更新的客户",
    customer: "客户",
    updated: "更新时间",
    unnamed: "未命名客户",
    auditNote: "完整的审计日志仅对所有者和管理员开放。",
  },
  jobs: {
    title: "进行中的任务",
    none: "目前没有正在运行的任务。",
    open: "打开",
  },
  actions: {
    customers: {
      create: "添加了一位客户",
      update: "修改了一位客户",
      merge: "合并了两位客户",
      merges: {
        undo: "撤销了一次合并",
      },
      erase: "删除了一位客户的个人数据",
      identities: {
        add: "添加了一个身份标识",
        remove: "移除了一个身份标识",
      },
      interactions: {
        create: "记录了一次互动",
      },
    },
    attributes: {
      create: "添加了自定义属性",
      update: "修改了自定义属性",
      remove: "删除了自定义属性",
    },
    imports: {
      create: "上传了待导入的文件",
      update: "修改了导入的列对应关系",
      validate: "检查了一次导入",
      run: "执行了一次导入",
    },
    orders: {
      create: "添加了一笔订单",
      refund: "为一笔订单退款",
      cancel: "取消了一笔订单",
    },
    segmentation: {
      runs: {
        create: "启动了分群计算",
      },
    },
    segments: {
      create: "保存了一个分群",
      update: "修改了一个分群",
      delete: "删除了一个分群",
    },
    surveys: {
      create: "创建了问卷",
      update: "修改了问卷",
      publish: "发布了问卷",
      close: "关闭了问卷",
      delete: "删除了问卷",
      webhook: {
        set: "设置了问卷的 Webhook",
      },
      identity_secret: "更换了问卷身份密钥",
    },
    members: {
      update: "修改了成员角色",
      remove: "移除了一位成员",
    },
    invites: {
      create: "发出了邀请",
      accept: "加入了公司",
      revoke: "撤回了邀请",
    },
    api_keys: {
      create: "创建了 API 密钥",
      revoke: "吊销了 API 密钥",
    },
    settings: {
      update: "修改了设置",
    },
    integrations: {
      create: "接入了店铺",
      update: "修改了集成",
      delete: "删除了集成",
      rotate_secret: "更换了集成密钥",
    },
    backups: {
      create: "启动了备份",
      restore: "恢复了备份",
    },
    auth: {
      signup: "注册了公司账户",
    },
    me: {
      update: "修改了界面语言",
    },
  },
};
