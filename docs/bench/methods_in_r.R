# R's side of the benchmarks of the other methods in docs/benchmarks.md: reads a CSV of make_methods_csv.R, fits,
# prints the fit's time alone and the figures to compare with Stroma's (`./stroma analyse ... --format json`), each
# the way Stroma reports it (treated − control, the reference level first).
# Usage: Rscript docs/bench/methods_in_r.R METHOD FILE.csv, METHOD one of
#   ttest mannwhitney proportions (arms), ancova, ordinal, negbin (counts), crossover, mmrm
args <- commandArgs(trailingOnly = TRUE)
method <- args[1]
d <- read.csv(args[2])
show <- function(name, values) cat(name, sprintf("%.15g", values), "\n")
time_of <- function(expr) system.time(expr)[["elapsed"]]
if (method %in% c("ttest", "mannwhitney", "proportions")) {
  treated <- d$y[d$arm == "treated"]
  control <- d$y[d$arm == "control"]
}
if (method == "ttest") {
  elapsed <- time_of({
    welch <- t.test(treated, control)
    student <- t.test(treated, control, var.equal = TRUE)
  })
  show("welch estimate se t df p", c(-diff(welch$estimate), welch$stderr, welch$statistic, welch$parameter,
    welch$p.value))
  show("student se t df p", c(student$stderr, student$statistic, student$parameter, student$p.value))
} else if (method == "mannwhitney") {
  # conf.int gives R's Hodges–Lehmann estimate; with ties R finds it as the root of the normal statistic, not as the
  # median of the pairwise differences Stroma reports, so the two differ by design
  elapsed <- time_of(w <- suppressWarnings(wilcox.test(treated, control, conf.int = TRUE)))
  show("W p", c(w$statistic, w$p.value))
  show("R's shift estimate", w$estimate)
} else if (method == "proportions") {
  events <- c(sum(d$event[d$arm == "control"]), sum(d$event[d$arm == "treated"]))
  subjects <- c(sum(d$arm == "control"), sum(d$arm == "treated"))
  elapsed <- time_of({
    fisher <- fisher.test(matrix(c(events, subjects - events), 2))
    pearson <- prop.test(events, subjects, correct = FALSE)
  })
  show("events subjects", c(events, subjects))
  show("fisher p", fisher$p.value)
  show("chisq p", c(pearson$statistic, pearson$p.value))
} else if (method == "ancova") {
  d$arm <- factor(d$arm, levels = c("control", "high", "low"))
  elapsed <- time_of({
    fit <- lm(y ~ arm + baseline + x, data = d)
    table <- anova(lm(y ~ baseline + x + arm, data = d))
  })
  s <- summary(fit)
  show("beta", coef(fit))
  show("se", s$coefficients[, 2])
  show("sigma r2", c(s$sigma, s$r.squared))
  show("F p", c(table["arm", "F value"], table["arm", "Pr(>F)"]))
} else if (method == "ordinal") {
  suppressPackageStartupMessages(library(MASS))
  d$class <- factor(d$class, ordered = TRUE)
  d$arm <- factor(d$arm, levels = c("control", "treated"))
  elapsed <- time_of({
    fit <- polr(class ~ arm + baseline, data = d, Hess = TRUE, control = list(reltol = 1e-14))
    reduced <- polr(class ~ baseline, data = d, control = list(reltol = 1e-14))
  })
  show("beta", coef(fit))
  show("zeta", fit$zeta)
  show("se", sqrt(diag(vcov(fit))))
  show("loglik lr", c(logLik(fit), 2 * (logLik(fit) - logLik(reduced))))
} else if (method == "negbin") {
  suppressPackageStartupMessages(library(MASS))
  d$arm <- factor(d$arm, levels = c("control", "treated"))
  elapsed <- time_of(fit <- glm.nb(count ~ arm + baseline + offset(log(scans)), data = d))
  show("beta", coef(fit))
  show("se", sqrt(diag(vcov(fit))))
  show("theta se loglik", c(fit$theta, fit$SE.theta, logLik(fit)))
} else if (method == "crossover") {
  elapsed <- time_of({
    wide <- reshape(d, idvar = c("id", "seq"), timevar = "period", direction = "wide")
    dif <- wide$y.1 - wide$y.2
    total <- wide$y.1 + wide$y.2
    ab <- wide$seq == "AB"
    treatment <- t.test(dif[ab], dif[!ab], var.equal = TRUE)
    period <- t.test(dif[ab], -dif[!ab], var.equal = TRUE)
    carryover <- t.test(total[ab], total[!ab], var.equal = TRUE)
    paired <- t.test(c(dif[ab], -dif[!ab]))
  })
  show("treatment estimate se t", c(-diff(treatment$estimate) / 2, treatment$stderr / 2, treatment$statistic))
  show("period estimate se t", c(-diff(period$estimate) / 2, period$stderr / 2, period$statistic))
  show("carryover estimate se t", c(-diff(carryover$estimate), carryover$stderr, carryover$statistic))
  show("paired estimate t", c(paired$estimate, paired$statistic))
} else if (method == "mmrm") {
  suppressPackageStartupMessages(library(nlme))
  d$arm <- factor(d$arm, levels = c("control", "treated"))
  d$visit <- factor(d$visit)
  # as the reference fits of docs/mmrm.md (the defaults of glsControl otherwise)
  elapsed <- time_of(fit <- gls(y ~ arm * visit + baseline, data = d,
    correlation = corSymm(form = ~ as.integer(visit) | id), weights = varIdent(form = ~ 1 | visit),
    method = "REML", control = glsControl(msMaxIter = 500, tolerance = 1e-10, msTol = 1e-10)))
  show("beta", coef(fit))
  show("se", sqrt(diag(vcov(fit))))
  show("reml loglik", logLik(fit))
} else {
  stop("unknown method ", method)
}
cat(sprintf("R %s, n = %d: fit %.3f s\n", method, nrow(d), elapsed))
