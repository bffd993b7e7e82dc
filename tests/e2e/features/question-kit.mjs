// Helpers the lesson specs share to answer a <Question> the way a reader does. No specs of its own
// (run.mjs loads every file here and reads its default export).
export default [];

/** Types `text` into a numeric question, presses Enter, returns the feedback state and text. */
export async function predict(question, text) {
  const input = question.locator('input[name="prediction"]');
  await input.fill(text);
  await input.press('Enter');
  return feedback(question);
}

/** Picks the option whose label is `label` (exact) and presses Check. */
export async function pick(question, label) {
  await question.locator('label.q-option', { hasText: label }).locator('input').check();
  await question.locator('button[type="submit"]').click();
  return feedback(question);
}

async function feedback(question) {
  const out = question.locator('[data-feedback]');
  return { state: await out.getAttribute('data-state'), text: (await out.textContent())?.trim() ?? '' };
}
