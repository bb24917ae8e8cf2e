# Writes the test data sets of stroma-analysis and prints the reference values its tests hold, computed by R.
# Run from stroma-analysis/:  Rscript src/test/r/reference.R
# (R 4.2.2 with survival 3.5-3, MASS 7.3-58.2 and metafor 3.8-1 gave the values in the tests.)
suppressMessages({ library(MASS); library(survival); library(metafor) })
options(digits = 12)
out <- "src/test/resources/data"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

# Two arms with a continuous outcome measured at baseline and follow-up (LVEF-like), and an ordinal change
set.seed(20261122)
n <- 24
arm <- rep(c("placebo", "cells"), each = n / 2)
baseline <- round(rnorm(n, 35, 6), 1)
age <- round(runif(n, 45, 80))
followup <- round(baseline + 0.6 * (arm == "cells") * 5 + 0.5 * (baseline - 35) * 0.2 + rnorm(n, 1, 4), 1)
change <- round(followup - baseline, 1)
nyha_change <- sample(c(-2, -1, -1, 0, 0, 0, 1), n, replace = TRUE) - (arm == "cells")
arms <- data.frame(subject = sprintf("S%02d", 1:n), arm, baseline, followup, change, age, nyha_change)
write.csv(arms, file.path(out, "arms.csv"), row.names = FALSE, quote = FALSE)
arms$arm <- relevel(factor(arms$arm), ref = "placebo")

cat("== welch t (cells - placebo) on change\n")
w <- t.test(change ~ arm, data = arms); print(c(-diff(w$estimate), w$statistic, w$parameter, w$p.value, w$conf.int))
cat("== student t\n")
s <- t.test(change ~ arm, data = arms, var.equal = TRUE); print(c(s$statistic, s$parameter, s$p.value, s$conf.int))
cat("== wilcox on change (x = cells), tied values: normal approximation\n")
x <- arms$change[arms$arm == "cells"]; y <- arms$change[arms$arm == "placebo"]
print(suppressWarnings(wilcox.test(x, y))[c("statistic", "p.value")])
cat("== wilcox exact on baseline (x = cells), no ties\n")
x <- arms$baseline[arms$arm == "cells"]; y <- arms$baseline[arms$arm == "placebo"]
stopifnot(!any(duplicated(c(x, y))))
print(wilcox.test(x, y, conf.int = TRUE)[c("statistic", "p.value", "estimate")])
cat("== wilcox with ties on nyha_change (x = cells)\n")
x <- arms$nyha_change[arms$arm == "cells"]; y <- arms$nyha_change[arms$arm == "placebo"]
print(suppressWarnings(wilcox.test(x, y))[c("statistic", "p.value")])
cat("== ancova: followup ~ arm + baseline + age\n")
print(summary(lm(followup ~ arm + baseline + age, data = arms))$coefficients)
print(confint(lm(followup ~ arm + baseline + age, data = arms)))

# Lesion counts over a varying number of scans
set.seed(1474)
m <- 60
larm <- rep(c("placebo", "cells"), each = m / 2)
scans <- sample(c(2, 3, 3, 3), m, replace = TRUE)
baseline_gel <- rnbinom(m, mu = 1.5, size = 0.8)
mu <- scans * exp(-0.3 - 0.6 * (larm == "cells") + 0.25 * baseline_gel)
lesions <- rnbinom(m, mu = mu, size = 1.2)
lesion_data <- data.frame(subject = sprintf("L%02d", 1:m), arm = larm, scans, baseline_gel, lesions)
write.csv(lesion_data, file.path(out, "lesions.csv"), row.names = FALSE, quote = FALSE)
lesion_data$arm <- relevel(factor(lesion_data$arm), ref = "placebo")
cat("== glm.nb lesions ~ arm + baseline_gel + offset(log(scans))\n")
nb <- glm.nb(lesions ~ arm + baseline_gel + offset(log(scans)), data = lesion_data)
print(summary(nb)$coefficients); print(c(theta = nb$theta, SE.theta = nb$SE.theta, loglik = as.numeric(logLik(nb))))

# Three trials' LVEF change differences, pooled by DerSimonian-Laird
trials <- data.frame(trial = c("MESAMI2", "uc-MSC IC", "MESAMI1"), estimate = c(2.1, 4.8, 0.6), se = c(1.3, 1.9, 1.1))
write.csv(trials, file.path(out, "trials.csv"), row.names = FALSE, quote = FALSE)
cat("== rma DL\n")
r <- rma(yi = estimate, sei = se, data = trials, method = "DL")
print(c(r$b, r$se, r$ci.lb, r$ci.ub, r$zval, r$pval, r$tau2, r$I2, r$QE, r$QEp))
f <- rma(yi = estimate, sei = se, data = trials, method = "FE"); print(c(f$b, f$se))

# Gehan's data as CSV, for the command's tests
gehan <- data.frame(
  weeks = c(6,6,6,6,7,9,10,10,11,13,16,17,19,20,22,23,25,32,32,34,35, 1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23),
  relapse = c(1,1,1,0,1,0,1,0,0,1,1,0,0,0,1,1,0,0,0,0,0, rep(1, 21)),
  drug = rep(c("6-MP", "placebo"), each = 21))
write.csv(gehan, file.path(out, "gehan.csv"), row.names = FALSE, quote = FALSE)
