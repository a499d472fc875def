-- Covering indexes for the eligibility scan (store/history_repo.h): a province's whole history of
-- ratings and awards is read in person order from the index alone, without visiting the tables (the
-- awards table carries issuers, signers and names the rules never read) and without sorting.
CREATE INDEX evaluations_person_history ON evaluations(person_id, year, rating) WHERE person_id IS NOT NULL;
CREATE INDEX awards_person_history ON awards(person_id, period_to, award_code, method, period_from, revoked,
                                              decision_date, decision_no) WHERE person_id IS NOT NULL;
