// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // Move focus to the error summary so screen readers announce what went wrong.
  const summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  // Survey questions shown only for some earlier answers: without JavaScript they stay visible with a
  // hint saying when to answer them (and the server ignores answers that do not apply); with it they
  // are hidden until they apply. Hidden blocks are removed from the accessibility tree too.
  const form = document.querySelector('form.survey-form');
  if (form) {
    const dependants = Array.from(form.querySelectorAll('[data-show-when]'));
    const update = () => {
      for (const block of dependants) {
        const source = block.getAttribute('data-show-when');
        const wanted = (block.getAttribute('data-show-values') || '').split(' ');
        const chosen = Array.from(form.querySelectorAll(`[name="${source}"], [name="${source}[]"]`))
          .filter((input) => input.checked)
          .map((input) => input.value);
        // A source that is not on this page was answered earlier: the server already decided.
        const onPage = form.querySelector(`[name="${source}"], [name="${source}[]"]`) !== null;
        const show = !onPage || chosen.some((value) => wanted.includes(value));
        block.hidden = !show;
      }
    };
    form.addEventListener('change', update);
    update();
  }

  // Conversations: a vote form marked data-swap is sent in the background and the card it names is
  // replaced by the next one from the server, without a reload. Without JavaScript the form posts and
  // the server redirects to the next card.
  document.addEventListener('submit', async (event) => {
    const voteForm = event.target;
    if (!(voteForm instanceof HTMLFormElement) || !voteForm.dataset.swap) return;
    const target = document.querySelector(voteForm.dataset.swap);
    if (!target) return;
    event.preventDefault();
    const body = new URLSearchParams(new FormData(voteForm, event.submitter));
    for (const button of voteForm.querySelectorAll('button')) button.disabled = true;
    try {
      const response = await fetch(voteForm.action, {
        method: 'POST',
        body,
        headers: { 'x-fragment': 'card' },
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(String(response.status));
      target.outerHTML = await response.text();
      const next = document.querySelector(voteForm.dataset.swap);
      if (next) next.focus();
    } catch {
      // Anything unexpected: fall back to the plain form post.
      for (const button of voteForm.querySelectorAll('button')) button.disabled = false;
      voteForm.removeAttribute('data-swap');
      voteForm.requestSubmit(event.submitter);
    }
  });
});
