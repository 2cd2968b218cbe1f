/**
 * Builds the code a course page pastes to embed the lab: a sandboxed iframe with the current settings plus a
 * few lines of script that apply the lab's `resize` messages, so the frame is always as tall as its content.
 * Pure string work (no DOM), so it is unit-tested; every value is escaped for an HTML attribute.
 */
import { serializeUrlSettings, type PanelName, type UrlSettings } from '../../state/urlSchema';

export interface EmbedOptions {
  /** Where the lab lives: origin + path, e.g. https://school.example/ml/dropout-lab/ */
  appUrl: string;
  settings: UrlSettings;
  panels: PanelName[];
  /** The host page's origin, already validated; lets that page send commands. */
  parent: string | undefined;
  title: string;
}

/**
 * What the embed code lets the framed app do, and no more: run scripts; keep its own origin (a Web Worker cannot
 * start in a `null` origin, and training runs in one); and save the charts' SVG, PNG and CSV exports, which a
 * sandboxed frame's downloads are otherwise refused (silently, but for a console warning). No forms are needed
 * (ui/shell/ActionForm.tsx), no pop-ups and no top navigation.
 */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-downloads';
/**
 * The browser features the framed app may use: full screen for a projector, and writing to the clipboard for the
 * tensor lab's Copy buttons (a cross-origin frame is refused it otherwise; the app then selects the code instead).
 */
export const EMBED_ALLOW = 'fullscreen; clipboard-write';

/** A first height for the frame before the lab reports its own (a stacked panel is roughly this tall). */
export function initialFrameHeight(panelCount: number): number {
  return 200 + 520 * Math.max(1, panelCount);
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The lab's address for an iframe: current settings, embed on, chosen panels, normal (not projector) mode. */
export function embedUrl(options: EmbedOptions): string {
  const query = serializeUrlSettings({
    ...options.settings,
    embed: true,
    mode: 'normal',
    panels: options.panels,
    parent: options.parent,
  });
  return `${options.appUrl}${query}`;
}

export function embedSnippet(options: EmbedOptions): string {
  const src = embedUrl(options);
  const labOrigin = new URL(options.appUrl).origin;
  return [
    `<iframe id="dropout-lab" src="${escapeAttribute(src)}" width="100%" height="${initialFrameHeight(options.panels.length)}"`,
    `  sandbox="${EMBED_SANDBOX}" allow="${EMBED_ALLOW}" title="${escapeAttribute(options.title)}"`,
    `  style="border: 0; display: block;"></iframe>`,
    `<script>`,
    `  // Dropout Lab reports its height; this keeps the frame exactly that tall. In the lesson, a new step is`,
    `  // shown from its top: the frame cannot scroll this page, so the page does (the lab tells its step only to`,
    `  // a page whose address its link names).`,
    `  var lessonStep;`,
    `  window.addEventListener('message', function (event) {`,
    `    var frame = document.getElementById('dropout-lab');`,
    `    var data = event.data;`,
    `    if (!frame || event.source !== frame.contentWindow || event.origin !== ${JSON.stringify(labOrigin)}) return;`,
    `    if (!data || data.source !== 'dropout-lab') return;`,
    `    if (data.type === 'resize' && data.height > 0) {`,
    `      frame.style.height = Math.ceil(data.height) + 'px';`,
    `    } else if (data.type === 'lesson') {`,
    `      if (lessonStep !== undefined && data.step !== lessonStep && frame.getBoundingClientRect().top < 0) frame.scrollIntoView();`,
    `      lessonStep = data.step;`,
    `    }`,
    `  });`,
    `</script>`,
  ].join('\n');
}
