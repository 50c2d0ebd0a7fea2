import type { Strings } from '../../i18n/featureCatalog.ts';
import type { en } from './forms.en.ts';

/** Strings of the form framework. Chinese: the same keys as forms.en.ts. */
export const zhCN: Strings<typeof en> = {
  forms: {
    showYaml: 'YAML',
    yamlPanel: 'YAML 清单',
    yamlNotRead: '表单保留最后一次能读取的清单',
    yamlRefused: {
      syntax: 'YAML 尚不能解析：{{detail}}',
      notObject: 'YAML 必须是一个对象（映射），不能是列表或单个值。',
      otherKind: 'YAML 必须仍是 {{kind}}：此表单只编辑这一类资源。',
    },
    unshownTitle_one: '表单保留了 {{count}} 个无法显示的字段',
    unshownTitle_other: '表单保留了 {{count}} 个无法显示的字段',
    unshownBody: '这些字段会原样提交；如需修改请在 YAML 面板中编辑。',
    problems: '问题',
    create: '创建',
    refused: '服务端拒绝了请求，未做任何更改。',
    refusedBody_one: '请查看下方的问题，修改表单后重试。',
    refusedBody_other: '请查看下方的 {{count}} 个问题，修改表单后重试。',
    review: '查看变更',
    hideChanges: '返回表单',
    diff: '与线上对象的差异',
    update: '更新',
    conflictTitle: '对象已被他人修改',
    conflictBody:
      '打开表单后线上对象已发生变化，因此您的更新未生效。请在最新版本上重新应用您的修改，检查后再次更新。',
    reapply: '在最新版本上重新应用我的修改',
    bothChanged: '您和另一方都修改了：{{fields}}。已保留您的值。',
    image: '请输入容器镜像，例如 nginx:alpine（不能包含空格）。',
    containerName: '容器名称“{{name}}”无效：只能包含小写字母、数字和“-”，最多 63 个字符。',
    name: {
      required: '请输入名称。',
      tooLong: '最多 63 个字符。',
      dns1123: '“{{name}}”无效：只能使用小写字母、数字和“-”，且必须以字母或数字开头和结尾。',
      taken: '此命名空间中已存在名为“{{name}}”的 {{kind}}。',
    },
  },
};
