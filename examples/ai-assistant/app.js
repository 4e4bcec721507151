// A fake AI tool: canned answers, real instrumentation. Only the feature name and what the user did
// with the answer reach Uptake; the request text and the answer never do.
var answers = {
  summarize: 'Q3 spend came in 4% under plan, driven by delayed hiring in Operations; travel ran 12% over.',
  draft: 'Hi team, a quick update on the Q3 close: numbers are final and the variance pack is attached. Key points below.',
  critique:
    'The argument is clear, but the second paragraph asserts a trend from two data points. Add the 12-month series or soften the claim.',
};
var outputCount = 0;
var current = null;

var $ = (id) => document.getElementById(id);
$('who').textContent = `${window.assistantUser.id} (${window.assistantUser.role}, ${window.assistantUser.team})`;

$('ask').addEventListener('submit', (event) => {
  event.preventDefault();
  var feature = new FormData(event.target).get('feature');
  uptake.push(['ai.request', feature]);
  outputCount += 1;
  current = { feature: feature, id: `out-${Date.now().toString(36)}-${outputCount}` };
  $('answer').hidden = false;
  $('answer-text').textContent = answers[feature];
  $('answer-text').contentEditable = 'false';
  $('status').textContent = '';
  uptake.push(['ai.output', current.feature, current.id]);
});

function decide(verb, message) {
  return () => {
    if (!current) return;
    uptake.push([`ai.${verb}`, current.feature, current.id]);
    $('status').textContent = message;
    if (verb === 'edited') {
      $('answer-text').contentEditable = 'true';
      $('answer-text').focus();
    }
  };
}
$('accept').addEventListener('click', decide('accepted', 'Accepted. Copied into your document.'));
$('edit').addEventListener('click', decide('edited', 'Edit the answer, then carry on.'));
$('reject').addEventListener('click', decide('rejected', 'Rejected. Try rephrasing, or ask for a critique first.'));

// A survey opened from the app's own button: shown whatever its trigger (the person asked for it).
// Not the 90-day behaviour check: an answer given at day 5 would count as that person's answer.
$('feedback').addEventListener('click', () => {
  uptake.push(['show', 'confidence-pulse']);
});
