//! Bounded reading of the files Cinq imports (calendar CSV, results CSV and xlsx, strategy JSON).
