/** The top bar's light / dark switch (also the `t` key): a toggle button, pressed = light. */
import { toggleTheme, useTheme } from './theme';

export function ThemeToggle() {
  const light = useTheme() === 'light';
  return (
    <button type="button" className="btn theme-toggle" aria-label="Light theme" aria-pressed={light}
      title={light ? 'Light theme: on (t switches to dark)' : 'Light theme: off (t switches to light)'} onClick={toggleTheme}>
      {light ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}

const SunIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true">
    <circle cx="8" cy="8" r="3.2" fill="currentColor" />
    <path d="M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6L13 13M3 13l1.4-1.4M11.6 4.4L13 3" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
  </svg>
);

const MoonIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true">
    <path d="M13.5 10.2A6 6 0 0 1 5.8 2.5a6 6 0 1 0 7.7 7.7z" fill="currentColor" />
  </svg>
);
