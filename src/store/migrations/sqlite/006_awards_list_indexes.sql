-- The awards list (newest decision first, store/award_repo.cc List) read in index order instead of
-- sorting every award: the whole list, a year's, and a year's of one award code.
CREATE INDEX awards_decided ON awards(decision_date, period_to);
CREATE INDEX awards_year_decided ON awards(period_to, decision_date);
CREATE INDEX awards_year_code_decided ON awards(period_to, award_code, decision_date);
-- (period_to, award_code) is a prefix of the index above: one index less for every award written.
DROP INDEX awards_year;
