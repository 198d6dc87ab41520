import { defineHastPlugin } from 'satteri';

/**
 * GitHub-flavoured task lists render `<li><input type="checkbox" disabled> text</li>`: a checkbox with no
 * accessible name (axe rule `label`). Each box is named by the text of its own list item.
 */
export const taskListLabels = defineHastPlugin({
  name: 'task-list-labels',
  element: {
    filter: ['input'],
    visit(node, ctx) {
      if (node.properties?.type !== 'checkbox') return;
      const item = ctx.parent(node);
      if (!item || item.type !== 'element' || item.tagName !== 'li') return;
      ctx.setProperty(node, 'ariaLabel', ctx.textContent(item).trim());
    },
  },
});

/**
 * Starlight lets wide Markdown tables scroll sideways; a scrollable region must be reachable by keyboard
 * (axe `scrollable-region-focusable`), so each table joins the tab order.
 */
export const focusableTables = defineHastPlugin({
  name: 'focusable-tables',
  element: {
    filter: ['table'],
    visit(node, ctx) {
      ctx.setProperty(node, 'tabIndex', 0);
    },
  },
});
