-- The name index carries the folded search key, so a walk of the index in name order tests each
-- entry's words without visiting the table (people_repo's plan for common words).
DROP INDEX people_sort;
CREATE INDEX people_sort ON people(sort_key, search_key);
