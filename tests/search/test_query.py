"""The query syntax, parsed once and rendered for FTS5 and for PostgreSQL."""

from app.search.query import parse


class TestParse:
    def test_stopwords_inside_a_phrase_keep_their_place(self):
        query = parse('"weapons of mass destruction"')
        assert [c.alternatives for c in query.clauses] == [
            [["weapons", "of", "mass", "destruction"]]
        ]
        assert query.to_fts5() == '"weapons of mass destruction"'
        assert query.to_tsquery() == "((weapons <-> of <-> mass <-> destruction))"

    def test_stopwords_at_the_ends_of_a_phrase_or_alone_are_dropped(self):
        assert [c.alternatives for c in parse('"the cyber defence of"').clauses] == [
            [["cyber", "defence"]]
        ]
        assert parse("the of and").empty
        assert parse('"of the"').empty

    def test_stopwords_are_not_highlighted(self):
        assert parse('"weapons of mass destruction"').words() == [
            "weapons",
            "mass",
            "destruction",
        ]

    def test_or_joins_alternatives_and_a_minus_negates(self):
        query = parse('maritime OR "cyber defense" -exercise')
        assert [(c.alternatives, c.negated) for c in query.clauses] == [
            ([["maritime"], ["cyber", "defence"]], False),
            ([["exercise"]], True),
        ]
        assert query.to_fts5() == '("maritime" OR "cyber defence") NOT "exercise"'
        # The grouping is explicit for every engine: (maritime OR "cyber defence") AND NOT
        # exercise, not maritime OR ("cyber defence" AND NOT exercise).
        assert query.to_tsquery() == "((maritime) | (cyber <-> defence)) & !((exercise))"

    def test_a_query_of_exclusions_alone_is_empty(self):
        assert parse("-cyber").empty
