import { Layout } from '../layout.tsx';

export function ErrorPage({ title, detail }: { title: string; detail: string }) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <a href="/">Gå til forsiden</a>
      </p>
    </Layout>
  );
}
