// Compare runs… on the training tab: the runs it shows set against a reference run by wall
// time (train::compareRuns), the question progressive learning is asked: does it reach the
// accuracy of fixed-size training sooner? In a table and as curves against wall time; follows
// a live run epoch by epoch.
#pragma once

#include "train/runcomparison.h"

#include <QColor>
#include <QDialog>
#include <QStringList>

#include <vector>

class QCPItemStraightLine;
class QCPItemText;
class QCheckBox;
class QCustomPlot;
class QComboBox;
class QLabel;
class QTableView;

namespace scalescope {

class RunComparisonModel;

class RunComparisonDialog : public QDialog {
    Q_OBJECT
  public:
    struct Entry {
        QString name;   // as the training tab lists it ("#2 EfficientNet-B0, paper, …")
        int number = 0; // its number there (#2); 0: none
        // What its seeds share: the name without its number and what tells the seeds apart
        // ("EfficientNet-B0, paper, 10 epochs"). Names a mean row; empty: the name does.
        QString description;
        QString schedule; // paper, code or fixed; empty where unknown
        QColor colour;    // as on the tab; invalid: runColour of its position
        train::ComparedRun run;
    };
    explicit RunComparisonDialog(QWidget* parent = nullptr);
    // The runs to compare. The reference stays the run chosen (by name) while it is listed;
    // else it is the first fixed-schedule run, else the first.
    void setRuns(std::vector<Entry> runs);
    // A row of the table, which may be a mean over seeds.
    void setReference(int row);
    int reference() const;
    // Runs that differ only in their seed (Entry::run.seedGroup) as one row, their mean
    // (train::compareSeedMeans). Off by default.
    void setMeanOverSeeds(bool on);
    bool meanOverSeeds() const;
    RunComparisonModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // Each row's validation accuracy against wall time, the reference's final accuracy as a
    // dashed line, and a ring where each row first reached it.
    QCustomPlot* plot() const { return m_plot; }
    QCPItemStraightLine* targetLine() const { return m_target; }
    QString summary() const;
    // That plot as a PNG (at twice its pixels, for print) or a PDF, by the path's suffix;
    // false with `why` when nothing is compared or the file cannot be written.
    bool savePlot(const QString& path, QString* why = nullptr) const;
    // Every row (or the selected ones) as tab-separated text with a header line.
    QString tableText() const;

  private:
    void recompute();
    void plotComparison(const train::RunComparison* c); // nullptr: nothing compared
    // A mean row's name after "Mean of N seeds (…): ": what its runs share, then their
    // numbers on the training tab ("EfficientNet-B0, paper, 10 epochs — runs #1, #3").
    QString meanName(const train::SeedMean& group) const;
    std::vector<Entry> m_runs;
    // The chosen reference, by the name of its run (the first of its mean): it stays chosen
    // while it is listed, wherever it moves.
    QString m_referenceName;
    std::vector<train::SeedMean> m_groups; // the rows, as last computed
    QComboBox* m_reference;
    QCheckBox* m_meanSeeds;
    RunComparisonModel* m_model;
    QTableView* m_view;
    QCustomPlot* m_plot;
    QCPItemStraightLine* m_target;
    QCPItemText* m_targetText;
    QLabel* m_summary;
};

} // namespace scalescope
