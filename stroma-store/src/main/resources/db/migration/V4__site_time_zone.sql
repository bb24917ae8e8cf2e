-- Each site keeps its own time zone: its days — a visit's, a consent's, an adverse event's reporting clock — are
-- counted in it. Taken from the registry's location when the protocol is published; the administrator corrects it.
ALTER TABLE site ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';
