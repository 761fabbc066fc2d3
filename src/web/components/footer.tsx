export type FooterLink = { href: string; text: string };

/** DKFDS 11's footer macro (components/footers/footer.njk) with a single inline list of links. */
export function Footer({ links }: { links: FooterLink[] }) {
  return (
    <footer>
      <div class="footer">
        <div class="container">
          <ul class="align-text-left unstyled-list inline-list">
            {links.map((link) => (
              <li>
                <a href={link.href}>{link.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </footer>
  );
}
