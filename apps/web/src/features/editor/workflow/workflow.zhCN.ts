import type { Strings } from '../../../i18n/featureCatalog.ts';
import type { en } from './workflow.en.ts';

/** Strings of the apply workflow: templates, edit, diff, dry run, results, drafts, conflicts. Chinese: the same keys as workflow.en.ts. */
export const zhCN: Strings<typeof en> = {
  workflow: {
    newTitle: '从模板创建',
    editTitle: '编辑 {{kind}} {{name}}',
    revealSecretValues: '显示 Secret 的值',
    revealSecretValuesHint: '应用时，隐藏的值保持原样',
    newEntry: '从模板创建',
    editEntry: '编辑 YAML',
    template: '模板',
    templatePlaceholder: '选择 CCI 开发指南中的清单',
    templateHint: 'CCI 开发指南第 {{chapter}} 章；命名空间已设为 {{namespace}}。',
    correctedHint: '指南中该清单本身有错误；此处为修正后的版本。',
    noTemplate: '请选择模板，或编写、粘贴清单（多个清单以 --- 分隔）。',
    unknownTemplate: '没有模板“{{id}}”。',
    dryRun: '服务端校验',
    apply: '应用',
    review: '查看变更',
    backToEdit: '返回编辑',
    editorLabel: 'YAML 编辑器',
    diffLabel: '将要提交的变更',
    diffHint: '左侧为线上对象，右侧为将要提交的内容；右侧仍可编辑。',
    loadingLive: '正在加载线上对象…',
    problems_one: '编辑器中发现 {{count}} 个问题',
    problems_other: '编辑器中发现 {{count}} 个问题',
    problemLine: '第 {{line}} 行',
    results: {
      title: '结果',
      dryRunTitle: '服务端试运行（未做任何更改）',
      notApplied: '未应用任何内容：请修正下方标出的文档后重新应用。',
      line: '第 {{line}} 行',
      openList: '打开列表',
      created: '已创建',
      configured: '已更新',
      unchanged: '未变化',
      error: '错误',
      skipped: '未应用',
      wouldCreate: '将被创建',
      wouldConfigure: '将被更新',
      wouldStayUnchanged: '未变化',
    },
    problem: {
      empty: '编辑器中没有可应用的文档。',
      notAnObject: '该文档不是包含 apiVersion、kind 和 metadata 的映射。',
      unknownKind:
        'apiVersion“{{apiVersion}}”kind“{{kind}}”不是 CCI 支持的类型：请检查这两个字段。',
      noName: '缺少 metadata.name：每个对象都需要名称。',
      network: '请求失败：{{error}}',
    },
    draft: {
      noticeLabel: '草稿',
      restored: '已恢复 {{time}} 保存的未提交草稿。',
      discard: '丢弃草稿',
      secretValuesRemoved:
        '草稿中从不保存 Secret 的值：已保存的副本中这些值被清空，应用前请重新填写。',
      notSavedSecret: '该 Secret 无法解析，因此不保存草稿（否则其值会以明文保存）。',
      missingSecretValues: '请重新填写以下值（或丢弃草稿）后再应用：{{fields}}。',
    },
    conflict: {
      title: '在您编辑期间，该对象已被他人修改',
      body: '服务器上有更新的版本（resourceVersion {{resourceVersion}}）；您的修改未被应用。',
      reapply: '在新版本上重新应用我的修改',
      both: '您和服务器都修改了 {{fields}}；已保留您的值，请在差异中检查。',
    },
  },
};
