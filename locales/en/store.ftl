### the logbook file

