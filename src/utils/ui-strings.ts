import type { Audience } from '../content/page-meta';

/** Labels of the page-meta line under each title, one table per locale. */
interface PageMetaLabels {
  readingTime: (minutes: number) => string;
  audience: string;
  owner: string;
  lastReviewed: string;
  audiences: Record<Audience, string>;
}

const zh: PageMetaLabels = {
  readingTime: (m) => `阅读约 ${new Intl.NumberFormat('zh-CN').format(m)} 分钟`,
  audience: '适合：',
  owner: '负责人：',
  lastReviewed: '最近审阅：',
  audiences: { operator: '社群运营', planner: '策划', trainer: '培训师', manager: '管理者' },
};

const en: PageMetaLabels = {
  readingTime: (m) => `${new Intl.NumberFormat('en', { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(m)} read`,
  audience: 'For: ',
  owner: 'Owner: ',
  lastReviewed: 'Last reviewed: ',
  audiences: { operator: 'community operators', planner: 'planners', trainer: 'trainers', manager: 'managers' },
};

export function pageMetaLabels(lang: string): PageMetaLabels {
  return lang.toLowerCase().startsWith('zh') ? zh : en;
}
