import '@uptake/widgets'; // defines <uptake-prompt> and <uptake-pulse> before React renders them
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { signedInUser } from './signed-in-user.js';
import { uptake } from './uptake.js';

const user = signedInUser();
// Once per page load, outside React: StrictMode renders components twice in development.
uptake.identify(user.id, { role: user.role, team: user.team });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App user={user} />
  </StrictMode>,
);
