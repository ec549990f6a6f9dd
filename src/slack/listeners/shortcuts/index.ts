import { EXPLAIN_CALLBACK_ID } from '../../ids.js';
import type { Router } from '../router.js';
import { explainParameterCountsCallback } from './explain-parameter-counts.js';

const register = (router: Router): void => {
  router.messageShortcut(EXPLAIN_CALLBACK_ID, explainParameterCountsCallback);
};

export default { register };
