-- The article store of every title (syndicate/store/postgres.py): the SQLite store's tables with
-- the title as the first key column, so that one database holds a whole newspaper group.
CREATE TABLE syndicate_issues (
    title text NOT NULL,
    date date NOT NULL,
    content_hash text NOT NULL,
    publication text,
    package_version integer NOT NULL,
    package_hash text NOT NULL,
    first_created timestamptz NOT NULL,
    package_created timestamptz NOT NULL,
    PRIMARY KEY (title, date)
);
CREATE TABLE syndicate_pages (
    title text NOT NULL,
    date date NOT NULL,
    number integer NOT NULL,
    section text NOT NULL,
    sha256 text NOT NULL,
    source text NOT NULL,
    encoding text NOT NULL,
    PRIMARY KEY (title, date, number),
    FOREIGN KEY (title, date) REFERENCES syndicate_issues (title, date)
);
CREATE TABLE syndicate_articles (
    title text NOT NULL,
    date date NOT NULL,
    id text NOT NULL,
    section text NOT NULL,
    seq integer NOT NULL,
    version integer NOT NULL,
    withdrawn boolean NOT NULL DEFAULT false,
    content_hash text NOT NULL,
    first_created timestamptz NOT NULL,
    created timestamptz NOT NULL,
    PRIMARY KEY (title, date, id),
    FOREIGN KEY (title, date) REFERENCES syndicate_issues (title, date)
);
CREATE INDEX syndicate_articles_window ON syndicate_articles (title, date DESC, seq);
CREATE INDEX syndicate_articles_section ON syndicate_articles (title, section, date DESC, seq);
CREATE INDEX syndicate_articles_created ON syndicate_articles (title, created);
CREATE TABLE syndicate_article_versions (
    title text NOT NULL,
    date date NOT NULL,
    id text NOT NULL,
    version integer NOT NULL,
    content_hash text NOT NULL,
    withdrawn boolean NOT NULL DEFAULT false,
    article jsonb NOT NULL,
    created timestamptz NOT NULL,
    PRIMARY KEY (title, date, id, version),
    FOREIGN KEY (title, date, id) REFERENCES syndicate_articles (title, date, id)
);
CREATE TABLE syndicate_sections (
    title text NOT NULL,
    name text NOT NULL,
    first_date date NOT NULL,
    seen bigint GENERATED ALWAYS AS IDENTITY,  -- order first seen, within a date
    PRIMARY KEY (title, name)
);
CREATE TABLE syndicate_render_queue (
    title text NOT NULL,
    date date NOT NULL,
    id text NOT NULL,
    PRIMARY KEY (title, date, id)
);
