// Image files classified with a training run's weights: add files or folders (or drop them on
// the window) and each gets its most likely classes, beside the square the model was given.
// The classification runs on a QThread the dialog owns (a worker object, as the evaluation
// window's) and stops between batches when interrupted.
#pragma once

#include "scaling/config.h"
#include "train/prediction.h"

#include <QDialog>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QThread;

namespace scalescope {

class PredictionFilter;
class PredictionModel;

class PredictionWorker : public QObject {
    Q_OBJECT
  public:
    void run(const QString& runDir, const QStringList& paths,
             const train::PredictionRequest& request);
  Q_SIGNALS:
    void progressed(qint64 done, qint64 total);
    void predicted(const scalescope::train::PredictionReport& report);
    void failed(const QString& reason); // empty: cancelled
};

class PredictionDialog : public QDialog {
    Q_OBJECT
  public:
    explicit PredictionDialog(const QString& runDir, QWidget* parent = nullptr);
    ~PredictionDialog() override; // interrupts a classification and waits for its batch

    QString runDir() const { return m_runDir; }
    // Adds image files or folders to the list and classifies the whole list (again, once the
    // running pass ends, when one is running).
    void addPaths(const QStringList& paths);
    void clearImages();
    QStringList paths() const { return m_paths; }
    // Classifies the list with the dialog's test size, device and weights; a refused field or
    // path is named in the status line.
    void classify();
    void cancel();
    bool isClassifying() const { return m_thread != nullptr; }
    std::optional<train::PredictionReport> report() const { return m_report; }
    // The report as CSV (train::predictionCsv); false with `why` when there is none or the
    // file cannot be written.
    bool exportCsv(const QString& path, QString* why = nullptr) const;

    QString statusText() const;
    // The selected rows as the table shows them (sorted, filtered), tab-separated with a header
    // line, paths in full: what Copy puts on the clipboard, for a spreadsheet.
    QString selectedText() const;
    void copySelection() const;
    // Opens the selected file in the desktop's image viewer.
    void openSelected() const;
    QSpinBox* sizeBox() const { return m_size; }
    QCheckBox* trainedWeightsBox() const { return m_trained; }
    QPushButton* classifyButton() const { return m_classify; }
    PredictionModel* model() const { return m_model; }
    PredictionFilter* filter() const { return m_filter; } // what the table shows
    QCheckBox* mistakesBox() const { return m_mistakes; }
    QTableView* table() const { return m_table; }

  Q_SIGNALS:
    void classifyingChanged(bool classifying);
    void classified();

  protected:
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

  private:
    void finish();
    void setStatus(const QString& text, bool error);
    void updateButtons();
    void addFilesClicked();
    void addFolderClicked();
    void exportClicked();

    QString m_runDir;
    std::optional<ScaleConfig> m_config;
    QStringList m_paths;
    bool m_again = false; // paths were added during a pass
    QLabel* m_about = nullptr;
    QSpinBox* m_size = nullptr;
    QComboBox* m_device = nullptr;
    QCheckBox* m_trained = nullptr;
    QPushButton* m_addFiles = nullptr;
    QPushButton* m_addFolder = nullptr;
    QPushButton* m_clear = nullptr;
    QPushButton* m_classify = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_export = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_table = nullptr;
    PredictionModel* m_model = nullptr;
    PredictionFilter* m_filter = nullptr;
    QCheckBox* m_mistakes = nullptr;
    QThread* m_thread = nullptr;
    std::optional<train::PredictionReport> m_report;
};

} // namespace scalescope

Q_DECLARE_METATYPE(scalescope::train::PredictionReport)
