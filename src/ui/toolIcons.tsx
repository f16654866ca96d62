/** Icons of the top bar's file tools (New, Save, Share, Export): inline SVG, no network. */
const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.4, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const NewIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3M8 7.5v5M5.5 10h5" {...stroke} /></svg>
);
export const SaveIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 2v8.5M4.5 7l3.5 3.5L11.5 7M2.5 13.5h11" {...stroke} /></svg>
);
export const ShareIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6.8 9.2a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2L8 3.8M9.2 6.8a3 3 0 0 0-4.2 0L2.7 9.1a3 3 0 0 0 4.2 4.2L8 12.2" {...stroke} /></svg>
);
export const ExportIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M2.5 9.5v4h11v-4M8 10V2M5 5l3-3 3 3" {...stroke} /></svg>
);
export const ChevronIcon = () => (
  <svg viewBox="0 0 10 6" aria-hidden="true" className="chevron"><path d="M1 1l4 4 4-4" {...stroke} strokeWidth={1.5} /></svg>
);
