### what people type: dates, times, names

