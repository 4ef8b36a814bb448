import type express from 'express';
import { describeProblem, hasUnsafeCharacters, inspectValue } from '../text/safe-text.js';

/**
 * Refuses (400 `BAD_REQUEST`) a REST request whose path or query string, once decoded, holds a NUL
 * character or a lone surrogate, or is not valid percent-encoded UTF-8: such text could only fail in a
 * statement later. Runs before any route reads a parameter.
 */
export function refuseUnsafeUrl(): express.RequestHandler {
  return (req, res, next) => {
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      res.status(400).json({ code: 'BAD_REQUEST', message: 'The path is not valid percent-encoded UTF-8.' });
      return;
    }
    if (hasUnsafeCharacters(path)) {
      res.status(400).json({ code: 'BAD_REQUEST', message: 'The path contains a NUL character or a lone surrogate.' });
      return;
    }
    const problem = inspectValue(req.query, 'query', 8);
    if (problem) {
      res.status(400).json({ code: 'BAD_REQUEST', message: describeProblem(problem, 8) });
      return;
    }
    next();
  };
}
