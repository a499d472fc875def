-- Word-prefix search over awards' folded keys (subject code and name, decision number), as for people.
CREATE INDEX awards_search ON awards USING gin (to_tsvector('simple', search_key));
