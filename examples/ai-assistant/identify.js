// The host app knows who is signed in; it gives Uptake a pseudonymous id and the person's traits.
// Here every browser gets its own made-up employee, kept in localStorage.
window.uptake = window.uptake || [];
(() => {
  const stored = localStorage.getItem('assistant-demo-user');
  let user = stored ? JSON.parse(stored) : null;
  if (!user) {
    const roles = ['executive', 'leader', 'professional', 'technical'];
    const teams = ['finance', 'sales', 'operations', 'engineering'];
    const n = Math.floor(Math.random() * 1e6);
    user = { id: `u-${n}`, role: roles[n % 4], team: teams[Math.floor(n / 4) % 4] };
    localStorage.setItem('assistant-demo-user', JSON.stringify(user));
  }
  window.assistantUser = user;
  uptake.push(['identify', user.id, { role: user.role, team: user.team }]);
})();
