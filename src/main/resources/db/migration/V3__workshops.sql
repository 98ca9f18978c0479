-- Workshops (issue 6): an instructor's set of labs with a join code, a time window and sandbox limits.
CREATE TABLE workshops (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(16)  NOT NULL UNIQUE,
    title       VARCHAR(200) NOT NULL,
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    memory_mib  INT,
    cpus        DOUBLE PRECISION,
    pids        INT,
    disk_mib    INT,
    prewarm     INT NOT NULL DEFAULT 0,
    closed      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE workshop_labs (
    workshop_id BIGINT       NOT NULL REFERENCES workshops (id),
    position    INT          NOT NULL,
    lab_id      VARCHAR(128) NOT NULL,
    PRIMARY KEY (workshop_id, position)
);

-- A learner (the anonymous learner id) who joined with a display name; no account needed.
CREATE TABLE workshop_participants (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    workshop_id  BIGINT       NOT NULL REFERENCES workshops (id),
    learner_id   VARCHAR(64)  NOT NULL,
    display_name VARCHAR(80)  NOT NULL,
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (workshop_id, learner_id)
);
