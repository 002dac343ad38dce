"""Writes src/test/resources/keras/mismatched-weights.h5: keras/mlp.h5 with the 'squash' layer's
kernel replaced by one of the wrong width (16x5 where its 8 units take 16x8), a file DL4J's Keras
import opens without a word. Run from the repository root with Debian's python3-h5py."""
import shutil

import h5py
import numpy as np

SOURCE = "src/test/resources/keras/mlp.h5"
TARGET = "src/test/resources/keras/mismatched-weights.h5"

shutil.copy(SOURCE, TARGET)
with h5py.File(TARGET, "r+") as f:
    group = f["model_weights/squash/squash"]
    del group["kernel:0"]
    group.create_dataset("kernel:0", data=np.zeros((16, 5), dtype="float32"))
