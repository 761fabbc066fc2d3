/** DKFDS 11's skiplink macro (components/skip-link/skip-link.njk). */
export function SkipLink({ href = '#main-content', text = 'Gå til sidens indhold' }: { href?: string; text?: string }) {
  return (
    <a class="skipnav" href={href}>
      {text}
    </a>
  );
}
