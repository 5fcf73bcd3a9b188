import { afterAll } from 'vitest';
import { removeTempProjects } from './temp-project.js';

// Runs in every test file (vitest setupFiles): its temp projects go when the file is done.
afterAll(removeTempProjects);
