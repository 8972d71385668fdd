/** PostCSS runs Tailwind CSS v4 (configured in app/globals.css). */
const config = {
  plugins: { "@tailwindcss/postcss": {} },
};

export default config;
