/** Small inline icons (no icon font, no network). */
export const PlayIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11l9-5.5z" fill="currentColor" /></svg>
);
export const PauseIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor" /></svg>
);
export const StepIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2.5v11l7-5.5zM11 2.5h2.5v11H11z" fill="currentColor" /></svg>
);
export const OpenIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M1.5 3.5h5l1.5 1.5h6.5v8h-13z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" /></svg>
);
export const RestartIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 8a5 5 0 1 0 1.6-3.7M3 2.5v3h3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" /></svg>
);
export const BrandMark = () => (
  <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
    <circle cx="12" cy="12" r="10.5" fill="none" stroke="#2f95e6" strokeWidth="1.5" />
    <circle cx="6.5" cy="12" r="2.2" fill="#4fb3ff" />
    <circle cx="15.5" cy="7" r="2.2" fill="#3ddc97" />
    <circle cx="15.5" cy="17" r="2.2" fill="#b48cff" />
    <path d="M8.5 11l5-3M8.5 13l5 3" stroke="#5876a8" strokeWidth="1.3" />
  </svg>
);
