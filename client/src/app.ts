import type { PropsWithChildren } from 'react';
import { applyFontScale } from './components/FontScale';
import { initPageA11y } from './components/PageA11y';
import { initPlatform } from './services/platform';
import './app.scss';

initPlatform();
// 长辈模式 on H5: the text scale lives on <html> from the first page on (weapp: each page's root).
applyFontScale();
initPageA11y();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
