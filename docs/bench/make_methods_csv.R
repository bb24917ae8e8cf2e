# Data for the benchmarks of the other methods in docs/benchmarks.md (t, Mann–Whitney, ANCOVA, MMRM, ordinal,
# proportions, crossover, negative binomial).
# Usage: Rscript docs/bench/make_methods_csv.R KIND N OUT.csv, KIND one of
#   arms       y (2 decimals, so ties), event (0/1), arm (control / treated)      ttest, mannwhitney, proportions
#   ancova     y, arm (control / low / high), baseline, x                          ancova (three arms: the group's F)
#   ordinal    class (1-4), arm (control / treated), baseline                      ordinal
#   counts     count, arm (control / treated), baseline, scans (exposure 1-4)      negbin
#   crossover  id, period (1 / 2), seq (AB / BA), y; N rows = N/2 subjects         crossover
#   mmrm       id, arm (control / treated), visit (V1-V4), y, baseline; N rows planned = N/4 subjects × 4 visits,
#              about 15 % of subjects dropping out after V1, V2 or V3 (their later rows absent)
# The seed is fixed: the same KIND and N always give the same file.
args <- commandArgs(trailingOnly = TRUE)
kind <- args[1]
n <- as.integer(args[2])
set.seed(20261206)
two_arms <- function(m) ifelse(runif(m) < 0.5, "control", "treated")
d <- switch(kind,
  arms = {
    arm <- two_arms(n)
    y <- round(rnorm(n, 10 + 0.5 * (arm == "treated"), 3), 2)
    event <- as.integer(runif(n) < ifelse(arm == "treated", 0.25, 0.30))
    data.frame(y, event, arm)
  },
  ancova = {
    arm <- sample(c("control", "low", "high"), n, replace = TRUE)
    baseline <- round(rnorm(n, 50, 10), 2)
    x <- round(rnorm(n), 3)
    y <- round(10 + 0.6 * baseline + 1.5 * (arm == "low") + 3 * (arm == "high") + 0.8 * x + rnorm(n, 0, 6), 2)
    data.frame(y, arm, baseline, x)
  },
  ordinal = {
    arm <- two_arms(n)
    baseline <- sample(1:4, n, replace = TRUE)
    latent <- 0.8 * baseline - 0.5 * (arm == "treated") + rlogis(n)
    class <- findInterval(latent, c(1, 2.5, 3.5)) + 1
    data.frame(class, arm, baseline)
  },
  counts = {
    arm <- two_arms(n)
    baseline <- rnbinom(n, mu = 1.5, size = 0.8)
    scans <- sample(1:4, n, replace = TRUE)
    count <- rnbinom(n, mu = scans * exp(-0.3 - 0.6 * (arm == "treated") + 0.25 * baseline), size = 1.2)
    data.frame(count, arm, baseline, scans)
  },
  crossover = {
    m <- n %/% 2
    seq <- ifelse(runif(m) < 0.5, "AB", "BA")
    subject <- rnorm(m, 0, 4)
    treated_first <- seq == "AB"
    y1 <- round(20 + subject + 2 * treated_first + rnorm(m, 0, 2), 2)
    y2 <- round(21 + subject + 2 * (1 - treated_first) + rnorm(m, 0, 2), 2)
    data.frame(id = rep(seq_len(m), each = 2), period = rep(1:2, m), seq = rep(seq, each = 2),
               y = as.vector(rbind(y1, y2)))
  },
  mmrm = {
    m <- n %/% 4
    arm <- two_arms(m)
    baseline <- round(rnorm(m, 30, 5), 2)
    # correlated visits: a subject's level, a slope, and visit noise growing with time
    level <- rnorm(m, 0, 3)
    slope <- rnorm(m, 0, 0.7)
    last <- sample(1:4, m, replace = TRUE, prob = c(0.05, 0.05, 0.05, 0.85))
    rows <- do.call(rbind, lapply(1:4, function(v) data.frame(
      id = seq_len(m), arm, visit = paste0("V", v), baseline,
      y = round(0.5 * baseline + level + slope * v - 0.8 * v * (arm == "treated") + rnorm(m, 0, 1 + 0.3 * v), 2),
      keep = v <= last, order = seq_len(m) * 10 + v)))
    rows <- rows[rows$keep, ]
    rows <- rows[order(rows$order), c("id", "arm", "visit", "y", "baseline")]
    rows
  },
  stop("unknown kind ", kind))
write.csv(d, args[3], row.names = FALSE, quote = FALSE)
