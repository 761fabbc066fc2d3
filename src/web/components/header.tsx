import type { Child } from 'hono/jsx';

type SolutionHeaderProps = {
  title: { text: string; href: string; ariaLabel?: string };
  authority: { name: string; text: string };
  /** Above the solution's name: the language switcher. */
  top?: Child;
};

/**
 * DKFDS 11's header with only the solution_info macro (components/header/header.njk): no portal header,
 * log-in or menu, because the site has neither accounts nor more than one section yet.
 */
export function SolutionHeader({ title, authority, top }: SolutionHeaderProps) {
  return (
    <header class="header">
      {top}
      <div class="solution-info">
        <div class="solution-info-inner container">
          <div class="solution-heading">
            <a href={title.href} aria-label={title.ariaLabel}>
              {title.text}
            </a>
          </div>
          <div class="additional-info">
            <p>
              <strong class="authority-name">{authority.name}</strong>
            </p>
            <p>{authority.text}</p>
          </div>
        </div>
      </div>
    </header>
  );
}
