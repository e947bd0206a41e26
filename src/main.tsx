import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { persistWorkspace } from './store/persistence';
import { useReviewStore } from './store/reviewStore';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// Started once, outside React: StrictMode runs effects twice, and the workspace must load once.
void persistWorkspace(useReviewStore);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
