import type { ThemeConfig } from 'antd';

/**
 * The workbench's antd theme: the product's red, and every colour antd paints text in darkened
 * where its default misses WCAG AA (4.5:1 for normal text) on white, on the grey page (#f5f5f5)
 * or on a tag's light background. theme.spec.ts measures each pair.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#c0392b',
    // Labels, descriptions, empty lists, breadcrumbs, counters: antd's 45 % black is 3.4:1 on white.
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    // Links and link buttons: antd's #1677ff is 4.1:1 on white. Darker on hover, not lighter.
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    // Danger buttons, form errors, the unread badge: #ff4d4f is 3.3:1 with white.
    colorError: '#cf1322',
    colorErrorHover: '#a8071a',
    colorErrorActive: '#820014',
  },
  components: {
    Tag: {
      // A status tag's text is the status colour itself; icons and bars keep antd's brighter ones.
      colorSuccess: '#237804',
      colorWarning: '#874d00',
      colorInfo: '#0958d9',
      // A preset tag's text is shade 7 of its palette on shade 1; these shades 7 fall short of 4.5:1.
      volcano7: '#ad2102',
      orange7: '#ad4e00',
      gold7: '#874d00',
      yellow7: '#876800',
      lime7: '#3f6600',
      green7: '#237804',
      cyan7: '#006d75',
    },
    List: {
      // antd paints a list's empty text (暂无) in the disabled colour; it is not disabled.
      colorTextDisabled: 'rgba(0, 0, 0, 0.6)',
    },
    Table: {
      // An empty table's text (尚未生成版本, 暂无督办单) is in the disabled colour too; it is not disabled.
      colorTextDisabled: 'rgba(0, 0, 0, 0.6)',
    },
    Calendar: {
      // The 工作日历's days of the months before and after are in the disabled colour; they can be chosen.
      colorTextDisabled: 'rgba(0, 0, 0, 0.6)',
    },
  },
};
