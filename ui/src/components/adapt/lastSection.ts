// The sub-step of step 5 shown last, per strategy, so that coming back to the step reopens it. Its own module, so
// that the home screen can open a strategy on its adaptations without loading step 5.
export const lastSection = new Map<number, string>();
