/** Shard 3 of the trained-model CI checks (tests/unit/family/trained-checks.ts says what they check and how runs are dealt). */
import { trainedChecks } from './trained-checks.ts';

trainedChecks(2);
