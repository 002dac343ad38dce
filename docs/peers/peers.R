# One peer run for run-peers.sh: Rtsne t-SNE or uwot UMAP on an exported input.
# usage: Rscript peers.R IMPL METHOD SET WORKDIR N D   (IMPL: Rtsne | uwot)
args <- commandArgs(trailingOnly = TRUE)
impl <- args[1]; method <- args[2]; name <- args[3]; work <- args[4]
n <- as.integer(args[5]); d <- as.integer(args[6])
con <- file(file.path(work, "inputs", paste0(name, ".f32")), "rb")
X <- matrix(readBin(con, "numeric", n = n * d, size = 4, endian = "little"), nrow = n, byrow = TRUE)
close(con)
set.seed(42)
if (impl == "Rtsne" && method == "tsne") {
  suppressMessages(library(Rtsne))
  version <- as.character(packageVersion("Rtsne"))
  t0 <- proc.time()
  Y <- Rtsne(X, dims = 2, perplexity = 30, theta = 0.5, max_iter = 1000, num_threads = 1,
             check_duplicates = FALSE)$Y
  t1 <- proc.time()
} else if (impl == "uwot" && method == "umap") {
  suppressMessages(library(uwot))
  version <- as.character(packageVersion("uwot"))
  t0 <- proc.time()
  Y <- umap(X, n_neighbors = 15, min_dist = 0.1, n_threads = 1, n_sgd_threads = 0)
  t1 <- proc.time()
} else {
  stop(paste("unknown peer", impl, method))
}
dt <- t1 - t0
base <- file.path(work, "runs", paste0(name, "__", impl, "__", method))
write.csv(data.frame(x = Y[, 1], y = Y[, 2]), paste0(base, ".csv"), row.names = FALSE)
cat(sprintf('{"wall_seconds": %.4f, "cpu_seconds": %.4f, "threads": 1, "version": "%s"}',
            dt[["elapsed"]], dt[["user.self"]] + dt[["sys.self"]], version), file = paste0(base, ".json"))
cat(sprintf("%s %s %s: %.2f s wall\n", impl, method, name, dt[["elapsed"]]))
